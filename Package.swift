// swift-tools-version: 6.1
// Dossier: a static-site generator for briefing dossiers.
// Modules depend one way: CCMark ← Markdown, EDTF ← Content ← Templating ← Renderer ← dossier.
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .target(name: "Markdown", dependencies: ["CCMark"]),
        .target(name: "EDTF"),
        .target(name: "Content", dependencies: [
            "Markdown", "EDTF", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Templating", dependencies: [
            "Content", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "Renderer", dependencies: ["Content", "Templating", "Markdown", "EDTF"]),
        .executableTarget(name: "dossier", dependencies: [
            "Renderer", "Content", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "DossierTests", dependencies: [
            "Markdown", "EDTF", "Content", "Templating", "Renderer",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Fixtures"]),
    ]
)
