// swift-tools-version: 6.1
// Dossier: a static-site generator for briefing dossiers.
// Modules depend one way: CCMark ← Markdown, EDTF ← Content ← Templating ← Renderer ← dossier;
// Content ← Authoring (new, import) and Content ← Export (export: JSON, CSV, FollowTheMoney) feed the command line too; Renderer ← Server ← dossier-serve, the program
// `dossier serve` runs.
import PackageDescription

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
        .target(name: "Markdown", dependencies: ["CCMark"]),
        .target(name: "EDTF"),
        .target(name: "Content", dependencies: [
            "Markdown", "EDTF", .product(name: "Yams", package: "Yams"),
        ]),
        // The default theme, generated from Templates/ by `make theme` (Sources/BuiltinTheme/generate.sh).
        .target(name: "BuiltinTheme", exclude: ["generate.sh"]),
        .target(name: "Templating", dependencies: ["Content", "BuiltinTheme"]),
        .target(name: "Renderer", dependencies: ["Content", "Templating", "Markdown", "EDTF"]),
        // Writing a dossier: scaffold new pages, import pasted articles (Content ← Authoring).
        .target(name: "Authoring", dependencies: ["Content", "Markdown", "EDTF"]),
        // `dossier export`: the dossier's data as JSON, CSV and FollowTheMoney entities (Content ← Export).
        .target(name: "Export", dependencies: ["Content", "EDTF"]),
        // `dossier serve`: the local preview server with live reload (Renderer ← Server).
        .target(name: "Server", dependencies: [
            "Renderer", "Content",
        ]),
        // What both programs' command lines share: options, console output, the build summary.
        .target(name: "CommandLineSupport", dependencies: [
            "Renderer", "Content", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "dossier", dependencies: [
            "Renderer", "Content", "Authoring", "Export", "Templating", "CommandLineSupport", "CJemalloc", "JemallocOptions",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `dossier serve` runs this program, so that only it loads the server's libraries (Sources/dossier-serve).
        .executableTarget(name: "dossier-serve", dependencies: [
            "Server", "Renderer", "Content", "CommandLineSupport", "CJemalloc", "JemallocOptions",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "DossierTests", dependencies: [
            "Markdown", "EDTF", "Content", "Templating", "Renderer", "Authoring", "Export", "Server", "BuiltinTheme", "CommandLineSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Fixtures"]),
    ]
)
