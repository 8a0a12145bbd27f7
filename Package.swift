// swift-tools-version: 6.1
// Dossier: a static-site generator for briefing dossiers.
// Modules depend one way: CCMark ← Markdown, EDTF ← Content ← Discovery ← Renderer ← dossier, Content ← Templating
// ← Renderer: Content reads Content/, Discovery finds people, spellings, quotations and dates in it and links
// everything into the dossier model (with the analysis cache), Renderer makes the pages. Discovery ← Authoring
// (init, new, import) and Discovery ← Export (export: JSON, CSV, FollowTheMoney; publish) feed the command line too;
// BuiltinTheme ← Templating (the default theme as data); Renderer ← Server ← dossier-serve, the program `dossier serve` runs.
import PackageDescription

// The small types the analysis asks of every word (WordSet.Key, Tokens, WordToken in Content; EDTF's dates; Markdown's
// blocks) are inlined where Discovery and Renderer use them, in a release build: without it each `tokens[i]`,
// `key == .empty` or `set.contains(key)` was a call across modules.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .executable(name: "dossier-serve", targets: ["dossier-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        // The command's allocator (see Sources/CJemalloc/shim.h); the library modules do not depend on it.
        .systemLibrary(name: "CJemalloc", pkgConfig: "jemalloc",
                       providers: [.apt(["libjemalloc-dev"])]),
        // jemalloc's options for the command (see Sources/JemallocOptions/options.c).
        .target(name: "JemallocOptions"),
        .target(name: "Markdown", dependencies: ["CCMark"], swiftSettings: crossModule),
        .target(name: "EDTF", swiftSettings: crossModule),
        .target(name: "Content", dependencies: [
            "Markdown", "EDTF", .product(name: "Yams", package: "Yams"),
        ], swiftSettings: crossModule),
        // Who is named, who said what, when: people, spellings, quotations, dated sentences; the linker and its cache.
        .target(name: "Discovery", dependencies: ["Content", "Markdown", "EDTF"]),
        // The default theme, generated from Templates/ by `make theme` (Sources/BuiltinTheme/generate.sh).
        .target(name: "BuiltinTheme", exclude: ["generate.sh"]),
        .target(name: "Templating", dependencies: ["Content", "BuiltinTheme"]),
        .target(name: "Renderer", dependencies: ["Content", "Discovery", "Templating", "Markdown", "EDTF"]),
        // Writing a dossier: scaffold new pages, import pasted articles (Discovery ← Authoring).
        .target(name: "Authoring", dependencies: ["Content", "Discovery", "Markdown", "EDTF"]),
        // `dossier export`: the dossier's data as JSON, CSV and FollowTheMoney entities (Discovery ← Export).
        .target(name: "Export", dependencies: ["Content", "Discovery", "EDTF"]),
        // `dossier serve`: the local preview server with live reload (Renderer ← Server).
        .target(name: "Server", dependencies: [
            "Renderer", "Content", "Discovery",
        ]),
        // What both programs' command lines share: options, console output, the build summary.
        .target(name: "CommandLineSupport", dependencies: [
            "Renderer", "Content", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "dossier", dependencies: [
            "Renderer", "Content", "Discovery", "Authoring", "Export", "Templating", "CommandLineSupport", "CJemalloc", "JemallocOptions",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `dossier serve` runs this program, so that only it loads the server's libraries (Sources/dossier-serve).
        .executableTarget(name: "dossier-serve", dependencies: [
            "Server", "Renderer", "Content", "Discovery", "CommandLineSupport", "CJemalloc", "JemallocOptions",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "DossierTests", dependencies: [
            "Markdown", "EDTF", "Content", "Discovery", "Templating", "Renderer", "Authoring", "Export", "Server", "BuiltinTheme", "CommandLineSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Fixtures"]),
    ]
)
