package costscope.export.chart;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.VLineTo;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Transform;

import java.util.List;
import java.util.Locale;

/**
 * Writes a laid-out JavaFX node tree as SVG: shapes as paths, lines, circles and rects; region backgrounds as rects
 * (pie slices: their arc shape); texts as real {@code <text>}; every element with its scene transform and its
 * resolved colours and opacity. Nodes may carry {@code svg-class} and {@code svg-data} entries in
 * {@link Node#getProperties()}, written as {@code class} and {@code data-series} attributes.
 */
public final class SvgWriter {
    public static final String CLASS = "svg-class";
    public static final String SERIES = "svg-series";

    private final StringBuilder out = new StringBuilder();

    private SvgWriter() {
    }

    /** The SVG document of {@code root} (which must be laid out), {@code width} x {@code height} user units. */
    public static String write(Node root, double width, double height, Color background) {
        SvgWriter w = new SvgWriter();
        w.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\">\n");
        if (background != null && background.getOpacity() > 0) {
            w.out.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(n(width)).append("\" height=\"")
                    .append(n(height)).append("\"").append(w.fill(background)).append("/>\n");
        }
        w.node(root, 1);
        w.out.append("</svg>\n");
        return w.out.toString();
    }

    private void node(Node node, double parentOpacity) {
        if (!node.isVisible()) return;
        double opacity = parentOpacity * node.getOpacity();
        if (opacity <= 0) return;
        if (node instanceof Region r) region(r, opacity);
        else if (node instanceof Text t) text(t, opacity);
        else if (node instanceof Shape s) shape(s, opacity);
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) node(c, opacity);
        }
    }

    private void region(Region r, double opacity) {
        if (r.getBackground() == null) return;
        if (!(r.getShape() instanceof Arc) && (r.getWidth() <= 0 || r.getHeight() <= 0)) return;
        for (BackgroundFill f : r.getBackground().getFills()) {
            if (!(f.getFill() instanceof Color c) || c.getOpacity() == 0) continue;
            if (r.getShape() instanceof Arc a) {
                out.append("<path").append(attrs(r)).append(" d=\"").append(arc(a)).append('"').append(border(r));
            } else if (r.getShape() != null) {
                continue;
            } else {
                double inset = f.getInsets().getLeft();
                double radius = f.getRadii() == null ? 0 : f.getRadii().getTopLeftHorizontalRadius();
                out.append("<rect").append(attrs(r)).append(" x=\"").append(n(inset)).append("\" y=\"")
                        .append(n(f.getInsets().getTop())).append("\" width=\"")
                        .append(n(r.getWidth() - inset - f.getInsets().getRight())).append("\" height=\"")
                        .append(n(r.getHeight() - f.getInsets().getTop() - f.getInsets().getBottom())).append('"');
                if (radius > 0) out.append(" rx=\"").append(n(radius)).append('"');
            }
            out.append(fill(c)).append(opacity(opacity)).append(transform(r)).append("/>\n");
        }
    }

    /** The region's border as a stroke (pie slices are outlined with the surface colour). */
    private static String border(Region r) {
        if (r.getBorder() == null || r.getBorder().getStrokes().isEmpty()) return "";
        var bs = r.getBorder().getStrokes().get(0);
        if (!(bs.getTopStroke() instanceof Color c) || c.getOpacity() == 0) return "";
        return " stroke=\"" + hex(c) + "\" stroke-width=\"" + n(bs.getWidths().getTop()) + "\"";
    }

    private void text(Text t, double opacity) {
        String s = t.getText();
        if (s == null || s.isBlank()) return;
        Font f = t.getFont();
        Bounds b = t.getLayoutBounds();
        String[] lines = t.getWrappingWidth() > 0 ? wrap(s, f, t.getWrappingWidth()) : s.split("\n");
        double lineHeight = lines.length > 1 ? b.getHeight() / lines.length : b.getHeight();
        boolean centre = t.getTextAlignment() == TextAlignment.CENTER && lines.length > 1;
        double x = centre ? b.getMinX() + b.getWidth() / 2 : b.getMinX();
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        out.append("<text").append(attrs(t)).append(" x=\"").append(n(x)).append("\" y=\"")
                .append(n(b.getMinY() + t.getBaselineOffset())).append("\" font-family=\"")
                .append(esc(f.getFamily())).append(", Arial, Helvetica, sans-serif\" font-size=\"").append(n(f.getSize()))
                .append('"');
        if (style.contains("bold")) out.append(" font-weight=\"bold\"");
        if (centre) out.append(" text-anchor=\"middle\"");
        out.append(fill(t.getFill())).append(opacity(opacity)).append(transform(t)).append(" xml:space=\"preserve\">");
        if (lines.length == 1) {
            out.append(esc(s));
        } else {
            for (int i = 0; i < lines.length; i++) {
                out.append("<tspan x=\"").append(n(x)).append('"');
                if (i > 0) out.append(" dy=\"").append(n(lineHeight)).append('"');
                out.append('>').append(esc(lines[i])).append("</tspan>");
            }
        }
        out.append("</text>\n");
    }

    /** Greedy word wrap as a wrapping Text lays its string out (measured with the same font). */
    static String[] wrap(String s, Font f, double width) {
        List<String> out = new java.util.ArrayList<>();
        for (String para : s.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String next = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && measure(next, f) > width + 0.5) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            out.add(line.toString());
        }
        return out.toArray(new String[0]);
    }

    private static double measure(String s, Font f) {
        Text m = new Text(s);
        m.setFont(f);
        return m.getLayoutBounds().getWidth();
    }

    private void shape(Shape s, double opacity) {
        String geometry;
        if (s instanceof Path p) {
            geometry = "<path d=\"" + path(p.getElements()) + "\"";
        } else if (s instanceof Polygon p) {
            geometry = "<path d=\"" + points(p.getPoints(), true) + "\"";
        } else if (s instanceof Polyline p) {
            geometry = "<path d=\"" + points(p.getPoints(), false) + "\"";
        } else if (s instanceof Line l) {
            geometry = "<line x1=\"" + n(l.getStartX()) + "\" y1=\"" + n(l.getStartY()) + "\" x2=\"" + n(l.getEndX())
                    + "\" y2=\"" + n(l.getEndY()) + "\"";
        } else if (s instanceof Circle c) {
            geometry = "<circle cx=\"" + n(c.getCenterX()) + "\" cy=\"" + n(c.getCenterY()) + "\" r=\"" + n(c.getRadius()) + "\"";
        } else if (s instanceof Rectangle r) {
            geometry = "<rect x=\"" + n(r.getX()) + "\" y=\"" + n(r.getY()) + "\" width=\"" + n(r.getWidth())
                    + "\" height=\"" + n(r.getHeight()) + "\"";
        } else if (s instanceof Arc a) {
            geometry = "<path d=\"" + arc(a) + "\"";
        } else {
            return;
        }
        if (geometry.contains("d=\"\"")) return;
        String tag = geometry.substring(0, geometry.indexOf(' '));
        out.append(tag).append(attrs(s)).append(geometry.substring(tag.length()));
        boolean open = s instanceof Polyline || s instanceof Line;
        out.append(open ? " fill=\"none\"" : fill(s.getFill()));
        Paint stroke = s.getStroke();
        if (stroke instanceof Color c && c.getOpacity() > 0 && s.getStrokeWidth() > 0) {
            out.append(" stroke=\"").append(hex(c)).append('"');
            if (c.getOpacity() < 1) out.append(" stroke-opacity=\"").append(n(c.getOpacity())).append('"');
            out.append(" stroke-width=\"").append(n(s.getStrokeWidth())).append('"');
            if (!s.getStrokeDashArray().isEmpty()) {
                out.append(" stroke-dasharray=\"");
                List<Double> d = s.getStrokeDashArray();
                for (int i = 0; i < d.size(); i++) out.append(i > 0 ? " " : "").append(n(d.get(i)));
                out.append('"');
            }
            out.append(" stroke-linejoin=\"round\"");
        }
        out.append(opacity(opacity)).append(transform(s)).append("/>\n");
    }

    private static String attrs(Node n) {
        StringBuilder b = new StringBuilder();
        Object cls = n.getProperties().get(CLASS);
        if (cls != null) b.append(" class=\"").append(esc(cls.toString())).append('"');
        Object series = n.getProperties().get(SERIES);
        if (series != null) b.append(" data-series=\"").append(esc(series.toString())).append('"');
        return b.toString();
    }

    private static String points(List<Double> pts, boolean close) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < pts.size(); i += 2) {
            b.append(i == 0 ? "M" : " L").append(n(pts.get(i))).append(' ').append(n(pts.get(i + 1)));
        }
        if (close && b.length() > 0) b.append(" Z");
        return b.toString();
    }

    private static String path(List<PathElement> elements) {
        StringBuilder b = new StringBuilder();
        for (PathElement e : elements) {
            if (b.length() > 0) b.append(' ');
            if (e instanceof MoveTo m) b.append('M').append(n(m.getX())).append(' ').append(n(m.getY()));
            else if (e instanceof LineTo l) b.append('L').append(n(l.getX())).append(' ').append(n(l.getY()));
            else if (e instanceof HLineTo h) b.append('H').append(n(h.getX()));
            else if (e instanceof VLineTo v) b.append('V').append(n(v.getY()));
            else if (e instanceof CubicCurveTo c) b.append('C').append(n(c.getControlX1())).append(' ').append(n(c.getControlY1()))
                    .append(' ').append(n(c.getControlX2())).append(' ').append(n(c.getControlY2())).append(' ')
                    .append(n(c.getX())).append(' ').append(n(c.getY()));
            else if (e instanceof QuadCurveTo q) b.append('Q').append(n(q.getControlX())).append(' ').append(n(q.getControlY()))
                    .append(' ').append(n(q.getX())).append(' ').append(n(q.getY()));
            else if (e instanceof ArcTo a) b.append('A').append(n(a.getRadiusX())).append(' ').append(n(a.getRadiusY()))
                    .append(' ').append(n(a.getXAxisRotation())).append(' ').append(a.isLargeArcFlag() ? 1 : 0).append(' ')
                    .append(a.isSweepFlag() ? 1 : 0).append(' ').append(n(a.getX())).append(' ').append(n(a.getY()));
            else if (e instanceof ClosePath) b.append('Z');
        }
        return b.toString();
    }

    /** An arc as a path (JavaFX angles: degrees, counter-clockwise, y up). */
    static String arc(Arc a) {
        double cx = a.getCenterX();
        double cy = a.getCenterY();
        double rx = a.getRadiusX();
        double ry = a.getRadiusY();
        double start = Math.toRadians(a.getStartAngle());
        double len = a.getLength();
        if (Math.abs(len) >= 360) {
            return "M" + n(cx - rx) + " " + n(cy) + " A" + n(rx) + " " + n(ry) + " 0 1 0 " + n(cx + rx) + " " + n(cy)
                    + " A" + n(rx) + " " + n(ry) + " 0 1 0 " + n(cx - rx) + " " + n(cy) + " Z";
        }
        double end = Math.toRadians(a.getStartAngle() + len);
        double x0 = cx + rx * Math.cos(start);
        double y0 = cy - ry * Math.sin(start);
        double x1 = cx + rx * Math.cos(end);
        double y1 = cy - ry * Math.sin(end);
        int large = Math.abs(len) > 180 ? 1 : 0;
        int sweep = len > 0 ? 0 : 1;
        String body = "M" + n(x0) + " " + n(y0) + " A" + n(rx) + " " + n(ry) + " 0 " + large + " " + sweep + " " + n(x1) + " " + n(y1);
        if (a.getType() == ArcType.ROUND) return "M" + n(cx) + " " + n(cy) + " L" + body.substring(1) + " Z";
        if (a.getType() == ArcType.CHORD) return body + " Z";
        return body;
    }

    private static String transform(Node node) {
        Transform t = node.getLocalToSceneTransform();
        if (t.isIdentity()) return "";
        return " transform=\"matrix(" + n(t.getMxx()) + " " + n(t.getMyx()) + " " + n(t.getMxy()) + " " + n(t.getMyy())
                + " " + n(t.getTx()) + " " + n(t.getTy()) + ")\"";
    }

    private String fill(Paint p) {
        if (p instanceof Color c && c.getOpacity() > 0) {
            String s = " fill=\"" + hex(c) + "\"";
            return c.getOpacity() < 1 ? s + " fill-opacity=\"" + n(c.getOpacity()) + "\"" : s;
        }
        return " fill=\"none\"";
    }

    private static String opacity(double o) {
        return o < 1 ? " opacity=\"" + n(o) + "\"" : "";
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    static String n(double v) {
        if (!Double.isFinite(v)) return "0";
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r)) return Long.toString((long) r);
        return String.format(Locale.ROOT, "%.2f", r).replaceAll("0+$", "");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
