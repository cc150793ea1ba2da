public import Foundation

/// Checks a JSON value against a JSON Schema, for the keywords our schemas use: type, required, properties,
/// additionalProperties (false), items, enum, const, minimum, maximum, minLength, and `$ref` into `$defs`.
/// Returns every violation with its path; an unknown keyword is itself reported, so nothing passes unchecked.
public struct JSONSchemaValidator {
    private let root: [String: Any]
    private static let known: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "required", "properties",
        "additionalProperties", "items", "enum", "const", "minimum", "maximum", "minLength", "format",
    ]

    public init(schema: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: schema) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        self.root = root
    }

    public func violations(of document: Data) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: document, options: [.fragmentsAllowed])
        var problems: [String] = []
        check(value, against: root, path: "$", problems: &problems)
        return problems
    }

    private func check(_ value: Any, against schema: [String: Any], path: String, problems: inout [String]) {
        for key in schema.keys where !Self.known.contains(key) {
            problems.append("\(path): unsupported keyword \(key)")
        }
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let definitions = root["$defs"] as? [String: Any], let target = definitions[name] as? [String: Any]
            else {
                problems.append("\(path): unresolved \(reference)")
                return
            }
            check(value, against: target, path: path, problems: &problems)
        }
        if let type = schema["type"] as? String, !matches(value, type) {
            problems.append("\(path): expected \(type)")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal($0, value) }) {
            problems.append("\(path): not one of \(options)")
        }
        if let constant = schema["const"], !equal(constant, value) {
            problems.append("\(path): expected \(constant)")
        }
        if let number = value as? NSNumber, !isBool(value) {
            if let minimum = schema["minimum"] as? NSNumber, number.doubleValue < minimum.doubleValue {
                problems.append("\(path): below \(minimum)")
            }
            if let maximum = schema["maximum"] as? NSNumber, number.doubleValue > maximum.doubleValue {
                problems.append("\(path): above \(maximum)")
            }
        }
        if let text = value as? String, let minimum = schema["minLength"] as? Int, text.count < minimum {
            problems.append("\(path): shorter than \(minimum)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let subschema = properties[key] as? [String: Any] {
                    check(member, against: subschema, path: "\(path).\(key)", problems: &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                check(element, against: items, path: "\(path)[\(index)]", problems: &problems)
            }
        }
    }

    private func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber && !isBool(value)
        case "null": return value is NSNull
        default: return false
        }
    }

    private func isBool(_ value: Any) -> Bool {
        // JSON true and false arrive as NSNumbers of Objective-C type "c" (char); integers are "i" or "q".
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        switch (lhs, rhs) {
        case let (l as String, r as String): return l == r
        case let (l as NSNumber, r as NSNumber): return l == r
        default: return false
        }
    }
}
