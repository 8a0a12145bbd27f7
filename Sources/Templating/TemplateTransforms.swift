// `{{#empty(list)}}`, `{{^last()}}`…: the transforms swift-mustache applies to strings, numbers, lists and the
// position in a list, with its results. A transform a value does not have gives nothing.

import Foundation

extension TemplateData {
    func apply(_ transform: Transform) -> TemplateData? {
        switch self {
        case .utf8, .written:
            return TemplateData.text(printed).apply(transform)
        case .text(let text):
            switch transform {
            case .empty: return .bool(text.isEmpty)
            case .capitalized: return .text(text.capitalized)
            case .lowercased: return .text(text.lowercased())
            case .uppercased: return .text(text.uppercased())
            case .reversed: return .text(String(text.reversed()))
            default: return nil
            }
        case .int(let number):
            switch transform {
            case .equalzero: return .bool(number == 0)
            case .plusone: return .int(number + 1)
            case .minusone: return .int(number - 1)
            case .even: return .bool(number & 1 == 0)
            case .odd: return .bool(number & 1 == 1)
            default: return nil
            }
        case .texts(let texts):
            switch transform {
            case .first: return texts.first.map(TemplateData.text)
            case .last: return texts.last.map(TemplateData.text)
            case .reversed: return .texts(texts.reversed())
            case .count: return .int(texts.count)
            case .empty: return .bool(texts.isEmpty)
            case .sorted: return .texts(texts.sorted())
            default: return nil
            }
        case .objects(let list):
            switch transform {
            case .first: return list.count == 0 ? nil : list.element(at: 0)
            case .last: return list.count == 0 ? nil : list.element(at: list.count - 1)
            case .reversed: return .objects(ReversedTemplateList(base: list))
            case .count: return .int(list.count)
            case .empty: return .bool(list.count == 0)
            default: return nil
            }
        case .bool, .object:
            return nil
        }
    }
}

extension TemplateRenderer.ListPosition {
    func apply(_ transform: Transform) -> TemplateData? {
        switch transform {
        case .first: return .bool(index == 0)
        case .last: return .bool(isLast)
        case .index: return .int(index)
        case .even: return .bool(index & 1 == 0)
        case .odd: return .bool(index & 1 == 1)
        default: return nil
        }
    }
}
