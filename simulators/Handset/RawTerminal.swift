import Foundation

/// Puts the terminal in raw mode (keys arrive one by one, nothing echoed) and restores it after.
///
/// The phone needs single keys: Esc to cancel, Enter to send, and a timer that redraws while the
/// subscriber types, which a line-buffered terminal would garble.
struct RawTerminal {
    private var saved = termios()

    init() {
        tcgetattr(STDIN_FILENO, &saved)
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        write("\u{1B}[?25l\u{1B}[2J")  // hide the cursor, clear
    }

    func restore() {
        var original = saved
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        write("\u{1B}[?25h\u{1B}[2J\u{1B}[H")
    }

    /// Draws whole lines from the top-left corner, clearing what each line leaves behind.
    func draw(_ lines: [String]) {
        write("\u{1B}[H" + lines.map { $0 + "\u{1B}[K" }.joined(separator: "\r\n"))
    }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
