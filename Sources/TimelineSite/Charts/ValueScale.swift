import TimelineCore

/// The value axis of a chart: round ticks from a multiple of a round step at or below the smallest figure (or 0)
/// to one at or above the largest (or 0), and where any value falls between them.
///
/// Built so that no figure, mix of magnitudes or sign can give a zero span, NaN or an integer overflow: the
/// ticks are whole multiples of a step of 1, 2, 2.5 or 5 times a power of ten, the span is at least one step,
/// and positions are clamped to the axis.
struct ValueScale: Sendable, Equatable {
    /// The step between ticks, as a whole `mantissa` times 10 to the `exponent` (2.5 is 25 × 10^-1).
    let mantissa: Int
    let exponent: Int
    /// The lowest and highest ticks, as whole numbers of steps.
    let lowSteps: Int
    let highSteps: Int
    /// The language the tick labels are written in, as its figures are.
    var language: String?

    /// Figures are drawn on axes no finer than this span: smaller figures are refused when facts are read.
    static let smallestSpan = Fact.smallestFigure * 4

    init(values: [Double]) {
        // Anything that is not a figure a chart can show is drawn as 0 or at the largest figure.
        let figures = values.map { $0.isFinite ? min(max($0, -Fact.largestFigure), Fact.largestFigure) : 0 }
        let low = min(0, figures.min() ?? 0)
        let high = max(0, figures.max() ?? 0)
        // A metric whose figures are all 0 gets the axis 0 to 1.
        let span = high > low ? max(high - low, Self.smallestSpan) : 4
        // The smallest round step that covers the span in four: the span is between 4 × 10^-6 and 2 × 10^15, so
        // the power of ten is normal and the exponent small.
        let rough = span / 4
        var exponent = Int(rough.exponent) * 30_103 / 100_000 - 1  // log10(2) ≈ 0.30103: an estimate a little low
        while Self.power(exponent + 1) <= rough { exponent += 1 }
        var (mantissa, scale) = (10, exponent)
        for (candidate, shift) in [(1, 0), (2, 0), (25, -1), (5, 0)] where Double(candidate) * Self.power(exponent + shift) >= rough {
            (mantissa, scale) = (candidate, exponent + shift)
            break
        }
        let step = Double(mantissa) * Self.power(scale)
        self.mantissa = mantissa
        self.exponent = scale
        // low / step and high / step are at most about 5 in magnitude, so they convert to Int safely.
        lowSteps = Int((low / step).rounded(.down))
        highSteps = max(Int((high / step).rounded(.up)), lowSteps + 1)
    }

    static func power(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    var step: Double { Double(mantissa) * Self.power(exponent) }
    var low: Double { Double(lowSteps) * step }
    var high: Double { Double(highSteps) * step }

    /// The ticks, lowest first, each with its label.
    var ticks: [(value: Double, label: String)] {
        (lowSteps...highSteps).map { steps in (Double(steps) * step, label(steps)) }
    }

    /// Where a value falls, from 0 at the lowest tick to 1 at the highest; values outside are clamped.
    func fraction(_ value: Double) -> Double {
        guard value.isFinite else { return value > 0 ? 1 : 0 }
        return min(max((value - low) / (high - low), 0), 1)
    }

    /// A tick's label: as figures are written for steps of a hundredth or more, else with the decimals the step has.
    private func label(_ steps: Int) -> String {
        let whole = steps * mantissa
        guard exponent < -2 else { return Fact.format(number: Double(whole) * Self.power(exponent), language: language) }
        var digits = String(abs(whole))
        let decimals = -exponent
        digits = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        var fraction = String(digits.suffix(decimals))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let text = String(digits.dropLast(decimals)) + (fraction.isEmpty ? "" : "." + fraction)
        return (whole < 0 ? "-" : "") + text
    }
}
