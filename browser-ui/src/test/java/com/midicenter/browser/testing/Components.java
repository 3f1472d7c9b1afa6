package com.midicenter.browser.testing;

import java.awt.Component;
import java.awt.Container;

/** Finding Swing components by name in tests. [EDT] */
public final class Components {

    private Components() {
    }

    /** The first component named {@code name} under {@code root} (depth first), or {@code null}. */
    @SuppressWarnings("unchecked")
    public static <T extends Component> T find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return (T) c;
            }
            if (c instanceof Container k) {
                T t = find(k, name);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
