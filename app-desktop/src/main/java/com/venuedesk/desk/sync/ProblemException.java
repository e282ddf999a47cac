package com.venuedesk.desk.sync;

/** The server answered with an error status; the problem carries its RFC 9457 details. */
public final class ProblemException extends SyncException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.status() + " " + problem.message(), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** Server errors and overload pass; a refused request stays refused. */
    @Override
    public boolean isTransient() {
        return problem.status() >= 500 || problem.status() == 429 || problem.status() == 408;
    }
}
