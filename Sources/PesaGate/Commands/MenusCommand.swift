import ArgumentParser
import Foundation
import USSD

/// `pesagate menus check|graph`: the menu compiler, as operators and CI run it before a deployment.
struct MenusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "menus",
        abstract: "Check the USSD menus or print their journey as a Mermaid graph.",
        subcommands: [Check.self, Graph.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load every menu file and report problems as file:line: message (exit 1 if any).")

        @Argument(help: "Menu directory (default ./menus).")
        var directory = "menus"

        func run() throws {
            let (_, diagnostics) = MenuCompiler.check(directory: URL(fileURLWithPath: directory))
            for diagnostic in diagnostics.sorted() { print(diagnostic) }
            guard diagnostics.isEmpty else { throw ExitCode(1) }
            print("menus OK: \(directory)")
        }
    }

    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the menu journey as a Mermaid flowchart.")

        @Argument(help: "Menu directory (default ./menus).")
        var directory = "menus"

        @Option(help: "Language of the screen texts (en or sw).")
        var lang = "en"

        func run() throws {
            do {
                let menu = try MenuCompiler.compile(directory: URL(fileURLWithPath: directory))
                print(MermaidGraph.render(menu, language: Language(rawValue: lang)))
            } catch {
                print("\(error)")
                throw ExitCode(1)
            }
        }
    }
}
