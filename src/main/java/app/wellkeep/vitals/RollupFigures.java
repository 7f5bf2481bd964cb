package app.wellkeep.vitals;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a day or a week of one metric (and sleep stage) adds up to: the columns both rollups share. */
@MappedSuperclass
public abstract class RollupFigures extends PanacheEntityBase {

    @Column(name = "sample_count", nullable = false)
    public int count;

    @Column(nullable = false)
    public double total;

    @Column(name = "minimum", nullable = false)
    public double min;

    @Column(name = "maximum", nullable = false)
    public double max;

    /** The value of the last reading: the day's (the weight of that morning, say), or the week's last day's. */
    @Column(nullable = false)
    public double latest;

    protected RollupFigures() {
    }

    protected RollupFigures(int count, double total, double min, double max, double latest) {
        this.count = count;
        this.total = total;
        this.min = min;
        this.max = max;
        this.latest = latest;
    }

    public double mean() {
        return count == 0 ? 0 : total / count;
    }
}
