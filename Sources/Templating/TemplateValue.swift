// The protocol a view model adopts to hand its fields to the layouts by name, without reflection:
// swift-mustache looks values up with Mirror otherwise, which dominated the render step's profile.

import Mustache

/// A value whose fields layouts read by name: `child(named:)` returns the field, or nil when there is none
/// (then the lookup climbs to the enclosing value, as Mustache does). An optional field that holds nothing
/// must return nil, so that `{{#field}}` sections skip it.
public typealias TemplateValue = MustacheParent
