// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "timeline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "timeline", targets: ["timeline"]),
        .library(name: "TimelineKit", targets: ["TimelineKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CSystemShim"),
        .target(
            name: "TimelineKit",
            dependencies: [
                "CCMark",
                "CSystemShim",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "TimelinePreview",
            dependencies: ["TimelineKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "timeline",
            dependencies: [
                "TimelineKit",
                "TimelinePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TimelineKitTests",
            dependencies: ["TimelineKit", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
