package app.wellkeep.vitals;

/**
 * How far a day's figure is toward its goal. The percentage is rounded down, so "100 %" is only ever shown for a goal
 * actually reached; the bar stops at full while the text goes on past 100.
 */
public record GoalProgress(int percent, boolean reached) {

    public static GoalProgress of(double value, double goal) {
        if (goal <= 0) {
            return new GoalProgress(0, false);
        }
        int percent = (int) Math.floor(Math.max(0, value) * 100 / goal + 1e-9);
        return new GoalProgress(percent, value >= goal);
    }

    /** The bar's fill, which a progress bar cannot show beyond full. */
    public int bar() {
        return Math.min(percent, 100);
    }
}
