/// Whether a `--find-max` step held, and if not, why.
public enum StepVerdict: Hashable, Sendable {
    case holds
    /// The p95 from scheduled start to SMS was over the target.
    case p95TooHigh(Duration)
    /// Too few fault-free dialogues completed (the share, in percent).
    case tooFewCompleted(Double)
    /// The step was called off part-way, once it could no longer hold.
    case calledOff
    /// Not one fault-free dialogue completed, so there is no p95 to judge.
    case noCompletedDialogues

    public var held: Bool { self == .holds }

    /// A few words for the step's line.
    public var text: String {
        switch self {
        case .holds: "holds"
        case .p95TooHigh(let p95): "does not hold: p95 \(p95.milliseconds) ms"
        case .tooFewCompleted(let share): "does not hold: only \(LoadReport.twoDecimals(share)) % completed"
        case .calledOff: "does not hold: called off, too many dialogues late or failed"
        case .noCompletedDialogues: "does not hold: no dialogue completed"
        }
    }
}
