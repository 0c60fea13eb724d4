package costscope.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The formats a {@link FormattedCommand} prints, the default first, in the order its usage lists them. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface FormatChoices {
    String[] value();
}
