import SMPP

/// Seeded misbehaviour of load-mode subscribers, each a probability per dialogue.
///
/// Written on the command line as `abandon=0.02,late=0.01,star=0.01`. A dialogue gets at most one
/// fault, at one of its `send` steps; dialogues with a fault are counted apart, so they cannot
/// hide failures of the fault-free ones.
public struct LoadFaults: Hashable, Sendable {
    /// The subscriber walks away before answering.
    public var abandon: Double = 0
    /// The subscriber answers after ``lateBy``.
    public var late: Double = 0
    /// The subscriber types an input with a `*` in it.
    public var star: Double = 0
    public var lateBy: Duration = .seconds(20)

    public init(abandon: Double = 0, late: Double = 0, star: Double = 0, lateBy: Duration = .seconds(20)) {
        self.abandon = abandon
        self.late = late
        self.star = star
        self.lateBy = lateBy
    }

    /// Parses `name=probability` pairs separated by commas; throws a readable message on a typo.
    public init(parsing text: String) throws(LoadFaultsError) {
        for pair in text.split(separator: ",") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), (0...1).contains(value) else {
                throw LoadFaultsError(message: "fault `\(pair)`: write NAME=PROBABILITY with a probability from 0 to 1")
            }
            switch parts[0] {
            case "abandon": abandon = value
            case "late": late = value
            case "star": star = value
            default: throw LoadFaultsError(message: "unknown fault `\(parts[0])` (known: abandon, late, star)")
            }
        }
        guard abandon + late + star <= 1 else { throw LoadFaultsError(message: "fault probabilities add up to more than 1") }
    }

    /// Draws the fault of one dialogue; nil for a fault-free one.
    func draw(using generator: inout SeededGenerator, sendSteps: [Int]) -> (step: Int, fault: StepInterruption)? {
        guard !sendSteps.isEmpty else { return nil }
        let roll = Double(generator.next() % 1_000_000) / 1_000_000
        let step = sendSteps[Int(generator.next() % UInt64(sendSteps.count))]
        if roll < abandon { return (step, .abandon) }
        if roll < abandon + late { return (step, .delay(lateBy)) }
        if roll < abandon + late + star { return (step, .replaceInput("1*2")) }
        return nil
    }
}

public struct LoadFaultsError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

