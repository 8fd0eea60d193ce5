package dev.apimupgrade.fact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The output of the scan stage: every observation about the installation, in the order the scanners made them. */
public final class Facts {
    private final List<Observation> all;

    public Facts(List<? extends Observation> all) {
        this.all = List.copyOf(all);
    }

    public List<Observation> all() {
        return all;
    }

    public <T extends Observation> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Observation o : all) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return Collections.unmodifiableList(out);
    }

    public Facts plus(List<? extends Observation> more) {
        List<Observation> joined = new ArrayList<>(all);
        joined.addAll(more);
        return new Facts(joined);
    }

    public int size() {
        return all.size();
    }
}
