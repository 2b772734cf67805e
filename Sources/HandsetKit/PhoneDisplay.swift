import Foundation

/// Draws a ``PhoneState`` as 24 lines of at most 80 columns: the USSD screen in a box on the left,
/// the SMS inbox on the right, the input line, timer and keys below. Plain text, no escape codes:
/// the terminal adds those, so the layout tests as strings.
public struct PhoneDisplay: Sendable {
    public static let width = 80
    public static let height = 24
    /// Inner width of the USSD box: a feature phone shows about this many characters per line.
    static let boxInner = 38
    static let boxRows = 15
    static let inboxWidth = width - boxInner - 6

    public init() {}

    public func render(_ state: PhoneState) -> [String] {
        let left = screenBox(state)
        let right = inboxColumn(state, rows: left.count)
        var lines = [pad(" PesaGate handset  +\(state.msisdn)", to: 40) + clip(state.gateway, Self.width - 41)]
        for (l, r) in zip(left, right) { lines.append(l + "  " + r) }
        lines.append(inputLine(state))
        lines.append(keysLine(state))
        lines.append(clip(" " + state.status, Self.width))
        while lines.count < Self.height { lines.append("") }
        return lines.prefix(Self.height).map { clip($0, Self.width) }
    }

    private func screenBox(_ state: PhoneState) -> [String] {
        let text: String
        switch state.mode {
        case .idle: text = "Dial a code, e.g. *334#\n\nthen press Enter."
        case .waiting: text = "Please wait..."
        case .inSession(let screen): text = screen.text
        case .ended(let message): text = message + "\n\n[Enter] OK"
        }
        var rows = wrap(text, width: Self.boxInner)
        if rows.count > Self.boxRows { rows = Array(rows.prefix(Self.boxRows)) }
        while rows.count < Self.boxRows { rows.append("") }
        let border = "+" + String(repeating: "-", count: Self.boxInner + 2) + "+"
        return [border] + rows.map { "| " + pad($0, to: Self.boxInner) + " |" } + [border]
    }

    private func inboxColumn(_ state: PhoneState, rows: Int) -> [String] {
        var column = ["SMS inbox (\(state.inbox.count))"]
        for sms in state.inbox.reversed() {
            column.append("\(sms.time) \(sms.from)")
            column += wrap(sms.text, width: Self.inboxWidth - 1).map { " " + $0 }
            if column.count >= rows { break }
        }
        if state.inbox.isEmpty { column.append("(no messages)") }
        column = Array(column.prefix(rows))
        while column.count < rows { column.append("") }
        return column.map { pad($0, to: Self.inboxWidth) }
    }

    private func inputLine(_ state: PhoneState) -> String {
        let timer = state.sessionSeconds.map { String(format: "%02d:%02d", $0 / 60, $0 % 60) } ?? "--:--"
        return pad(" > " + state.input + "_", to: Self.boxInner + 4 - timer.count) + timer
    }

    private func keysLine(_ state: PhoneState) -> String {
        let sw = state.language == "sw"
        return switch state.mode {
        case .idle: sw ? " [Enter] Piga   [Esc] Futa   [Ctrl-C] Toka" : " [Enter] Dial   [Esc] Clear   [Ctrl-C] Quit"
        case .waiting: " ..."
        case .inSession: sw ? " [Enter] Tuma   [Esc] Ghairi   [Ctrl-C] Toka" : " [Enter] Send   [Esc] Cancel   [Ctrl-C] Quit"
        case .ended: sw ? " [Enter] Sawa   [Ctrl-C] Toka" : " [Enter] OK   [Ctrl-C] Quit"
        }
    }

    /// Word-wraps each line of `text`; a word longer than the width is cut across lines.
    func wrap(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                while word.count > width {
                    if !line.isEmpty { out.append(line); line = "" }
                    out.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                if line.isEmpty { line = word } else if line.count + 1 + word.count <= width { line += " " + word } else {
                    out.append(line)
                    line = word
                }
            }
            out.append(line)
        }
        return out
    }

    private func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    private func clip(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(width)) : text
    }
}
