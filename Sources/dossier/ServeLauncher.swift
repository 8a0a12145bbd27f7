// `dossier serve`: checks the options and hands over to `dossier-serve`, built beside this program, which holds
// the preview server (see Sources/dossier-serve for why it is a program of its own).

import ArgumentParser
import CommandLineSupport
import Foundation

struct ServeLauncher: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: ServeArguments.abstract, discussion: ServeArguments.discussion)

    @OptionGroup var options: ServeArguments

    func run() throws {
        let helper = Self.helperPath()
        guard FileManager.default.isExecutableFile(atPath: helper) else {
            Console().error("\(helper) is missing: `dossier serve` runs it, and `swift build` builds it beside dossier")
            throw ExitCode(2)
        }
        let arguments = [helper] + options.arguments
        // The same process, so that the exit status, signals and the terminal are the server's.
        let cArguments = arguments.map { strdup($0) } + [nil]
        execv(helper, cArguments)
        Console().error("cannot run \(helper): \(String(cString: strerror(errno)))")
        throw ExitCode(2)
    }

    /// `dossier-serve` in the folder of the running program (found from /proc/self/exe, whatever the command
    /// line called it).
    static func helperPath() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("dossier-serve").path
    }
}
