import Foundation

/// Loads and checks the menu files: what `pesagate menus check` runs, and what the gateway runs at start so it
/// never serves a menu that could overflow a screen, strand a subscriber or show a PIN.
public enum MenuCompiler {
    /// Reads every `*.yaml`/`*.yml` file of `directory` (not its subfolders) and checks them together.
    /// Diagnostics name files relative to `directory` and come sorted by file and line.
    public static func check(directory: URL) -> (document: MenuDocument?, diagnostics: [Diagnostic]) {
        let (files, problem) = files(in: directory)
        if let problem { return (nil, [problem]) }
        return check(files)
    }

    /// Checks menu files given as text (tests, or menus embedded elsewhere).
    public static func check(_ files: [MenuFile]) -> (document: MenuDocument?, diagnostics: [Diagnostic]) {
        let (document, loading) = MenuLoader.load(files)
        let rules = loading.isEmpty ? MenuChecker.check(document) : []
        return (document, (loading + rules).sorted())
    }

    /// The checked menu, or every problem found.
    public static func compile(directory: URL) throws(MenuCompileError) -> Menu {
        let (document, diagnostics) = check(directory: directory)
        guard diagnostics.isEmpty, let document else { throw MenuCompileError(diagnostics: diagnostics) }
        return document.menu
    }

    /// The checked menu from files given as text.
    public static func compile(_ files: [MenuFile]) throws(MenuCompileError) -> Menu {
        let (document, diagnostics) = check(files)
        guard diagnostics.isEmpty, let document else { throw MenuCompileError(diagnostics: diagnostics) }
        return document.menu
    }

    static func files(in directory: URL) -> ([MenuFile], Diagnostic?) {
        let manager = FileManager.default
        let origin = SourceLocation(file: directory.path, line: 1)
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else {
            return ([], Diagnostic("cannot read the menus directory", at: origin))
        }
        var files: [MenuFile] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let url = directory.appendingPathComponent(name)
            guard let data = manager.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                return ([], Diagnostic("cannot read the file as UTF-8 text", at: SourceLocation(file: name, line: 1)))
            }
            files.append(MenuFile(name: name, contents: text))
        }
        guard !files.isEmpty else { return ([], Diagnostic("no menu files (*.yaml) in the directory", at: origin)) }
        return (files, nil)
    }
}
