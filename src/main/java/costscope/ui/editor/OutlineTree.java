package costscope.ui.editor;

import costscope.model.Scenario;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.List;
import java.util.function.Consumer;

/** The editor's tree: a heading per kind, its elements under it (label, and id in grey); keeps the selection across rebuilds. */
final class OutlineTree {
    private final TreeView<ModelOutline.Entry> tree;
    private List<ModelOutline.Entry> outline = List.of();
    private boolean updating;

    OutlineTree(TreeView<ModelOutline.Entry> tree, Consumer<ModelOutline.Entry> onSelect) {
        this.tree = tree;
        tree.setRoot(new TreeItem<>());
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new Cell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating) onSelect.accept(b == null ? null : b.getValue());
        });
    }

    /** Rebuilds the tree when the outline changed (headings stay expanded or collapsed as they were). */
    void show(Scenario s) {
        List<ModelOutline.Entry> now = ModelOutline.of(s);
        if (now.equals(outline)) return;
        outline = now;
        ModelOutline.Entry selected = selected();
        updating = true;
        try {
            java.util.Map<ElementKind, Boolean> expanded = new java.util.EnumMap<>(ElementKind.class);
            for (TreeItem<ModelOutline.Entry> sec : tree.getRoot().getChildren()) {
                if (sec.getValue().kind() != null) expanded.put(sec.getValue().kind(), sec.isExpanded());
            }
            tree.getRoot().getChildren().clear();
            TreeItem<ModelOutline.Entry> section = null;
            for (ModelOutline.Entry e : now) {
                TreeItem<ModelOutline.Entry> item = new TreeItem<>(e);
                if (e.isSection()) {
                    section = item;
                    item.setExpanded(e.kind() == null || expanded.getOrDefault(e.kind(), true));
                    tree.getRoot().getChildren().add(item);
                } else if (section != null) {
                    section.getChildren().add(item);
                }
            }
            if (selected != null && selected.page() != null) select(selected.page());
            else if (selected != null) select(selected.kind(), selected.id());
        } finally {
            updating = false;
        }
    }

    ModelOutline.Entry selected() {
        TreeItem<ModelOutline.Entry> t = tree.getSelectionModel().getSelectedItem();
        return t == null ? null : t.getValue();
    }

    /**
     * Selects an element ({@code id} null: the kind's heading) without telling the listener.
     */
    void select(ElementKind kind, String id) {
        select(find(kind, id));
    }

    /** Selects a page's heading without telling the listener. */
    void select(ModelOutline.Page page) {
        TreeItem<ModelOutline.Entry> found = null;
        for (TreeItem<ModelOutline.Entry> sec : tree.getRoot().getChildren()) {
            if (sec.getValue().page() == page) found = sec;
        }
        select(found);
    }

    private void select(TreeItem<ModelOutline.Entry> found) {
        boolean was = updating;
        updating = true;
        try {
            if (found == null) {
                tree.getSelectionModel().clearSelection();
                return;
            }
            if (found.getParent() != null) found.getParent().setExpanded(true);
            tree.getSelectionModel().select(found);
            int row = tree.getRow(found);
            if (row >= 0) tree.scrollTo(Math.max(0, row - 3));
        } finally {
            updating = was;
        }
    }

    TreeItem<ModelOutline.Entry> find(ElementKind kind, String id) {
        for (TreeItem<ModelOutline.Entry> sec : tree.getRoot().getChildren()) {
            if (sec.getValue().kind() != kind || sec.getValue().page() != null) continue;
            if (id == null) return sec;
            for (TreeItem<ModelOutline.Entry> it : sec.getChildren()) {
                if (id.equals(it.getValue().id())) return it;
            }
        }
        return null;
    }

    private static final class Cell extends TreeCell<ModelOutline.Entry> {
        private final Label text = new Label();
        private final Label id = new Label();
        private final HBox box = new HBox(6, text, id);

        Cell() {
            id.getStyleClass().add("outline-id");
            text.getStyleClass().add("outline-text");
            // the label takes what the id leaves (ids up to 120 px are shown whole)
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            text.setPrefWidth(60);
            text.setMinWidth(40);
            id.setMinWidth(0);
            id.setMaxWidth(120);
            // as wide as the tree, never wider: long labels end in "..." instead of a horizontal scroll bar
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ModelOutline.Entry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().remove("outline-section");
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                setId(null);
                setTooltip(null);
                return;
            }
            setText(null);
            text.setText(e.text());
            id.setText(e.isSection() ? "" : e.id());
            if (e.isSection()) getStyleClass().add("outline-section");
            String list = e.page() != null ? e.page().list : e.kind().listName();
            setId(e.isSection() ? "outline-" + list : "outline-" + list + "-" + e.id());
            setGraphic(box);
            setTooltip(e.isSection() ? null : new javafx.scene.control.Tooltip(e.text() + "\n" + e.kind().noun() + " id: " + e.id()));
        }
    }
}
