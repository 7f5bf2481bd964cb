package app.wellkeep.vitals;

/** Stages of a night as devices report them; only the asleep ones count toward sleep time. */
public enum SleepStage {

    IN_BED(false), AWAKE(false), ASLEEP(true), CORE(true), DEEP(true), REM(true);

    private final boolean asleep;

    SleepStage(boolean asleep) {
        this.asleep = asleep;
    }

    public boolean asleep() {
        return asleep;
    }
}
