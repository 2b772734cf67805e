/// Messages delivered (receipt matched) over the seconds it took: one side of one window.
struct SMPPRate: Sendable, Hashable {
    var messages: Int
    var seconds: Double

    var perSecond: Double { seconds > 0 ? Double(messages) / seconds : 0 }
}
