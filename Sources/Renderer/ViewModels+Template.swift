// How the layouts read the page view models: each field by name, without Mirror (see Templating/TemplateValue).
// Keep in step with ViewModels.swift, ReadingViews.swift and DiscoveryViews.swift: a field missing here renders
// as nothing; TemplateValueTests compares every field with what Mirror finds and fails on a missing one.

import Templating

extension PageContext: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "root": return self.root
        case "pageTitle": return self.pageTitle
        case "site": return self.site
        case "nav": return self.nav
        case "kind": return self.kind
        case "feedHref": return self.feedHref
        default: return nil
        }
    }
}

extension SiteView: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "subtitle": return self.subtitle
        case "description": return self.description
        case "language": return self.language
        default: return nil
        }
    }
}

extension NavItem: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return self.label
        case "href": return self.href
        case "current": return self.current
        default: return nil
        }
    }
}

extension DateView: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "display": return self.display
        case "iso": return self.iso
        case "edtf": return self.edtf
        case "approximate": return self.approximate
        case "uncertain": return self.uncertain
        case "interval": return self.interval
        default: return nil
        }
    }
}

extension PersonLink: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": return self.name
        case "href": return self.href
        case "role": return self.role
        case "count": return self.count
        case "countLabel": return self.countLabel
        default: return nil
        }
    }
}

extension EventLink: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "href": return self.href
        case "date": return self.date
        case "place": return self.place
        default: return nil
        }
    }
}

extension ArticleLink: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": return self.title
        case "href": return self.href
        case "date": return self.date
        case "source": return self.source
        case "summary": return self.summary
        default: return nil
        }
    }
}

extension QuoteView: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "sentenceHTML": return self.sentenceHTML
        default: return nil
        }
    }
}

extension ArticleQuotes: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "article": return self.article
        case "quotes": return self.quotes
        default: return nil
        }
    }
}

extension TimelineEntry: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "date": return self.date
        case "kind": return self.kind
        case "isEvent": return self.isEvent
        case "title": return self.title
        case "href": return self.href
        case "detail": return self.detail
        case "people": return self.people
        case "isReported": return self.isReported
        default: return nil
        }
    }
}

extension TimelineMonth: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": return self.label
        case "iso": return self.iso
        case "entries": return self.entries
        default: return nil
        }
    }
}

extension TimelineYear: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "year": return self.year
        case "months": return self.months
        default: return nil
        }
    }
}

extension IndexPage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "people": return self.people
        case "latestEvents": return self.latestEvents
        case "articles": return self.articles
        case "counts": return self.counts
        default: return nil
        }
    }
}

extension PeopleIndexPage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "people": return self.people
        default: return nil
        }
    }
}

extension PersonPage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "name": return self.name
        case "role": return self.role
        case "affiliation": return self.affiliation
        case "born": return self.born
        case "aliases": return self.aliases
        case "profileHTML": return self.profileHTML
        case "events": return self.events
        case "articles": return self.articles
        case "articleCount": return self.articleCount
        case "coMentioned": return self.coMentioned
        case "timeline": return self.timeline
        case "neighbourhoodSVG": return self.neighbourhoodSVG
        case "curated": return self.curated
        case "variants": return self.variants
        case "quotations": return self.quotations
        default: return nil
        }
    }
}

extension EventsIndexPage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "events": return self.events
        default: return nil
        }
    }
}

extension EventPage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "title": return self.title
        case "date": return self.date
        case "place": return self.place
        case "people": return self.people
        case "descriptionHTML": return self.descriptionHTML
        case "articles": return self.articles
        case "previous": return self.previous
        case "next": return self.next
        case "reported": return self.reported
        default: return nil
        }
    }
}

extension ArticlesIndexPage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "articles": return self.articles
        default: return nil
        }
    }
}

extension ArticlePage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "title": return self.title
        case "date": return self.date
        case "source": return self.source
        case "author": return self.author
        case "url": return self.url
        case "bodyHTML": return self.bodyHTML
        case "people": return self.people
        case "events": return self.events
        default: return nil
        }
    }
}

extension TimelinePage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "years": return self.years
        case "axisSVG": return self.axisSVG
        case "filter": return self.filter
        default: return nil
        }
    }
}

extension FilterOption: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "value": return self.value
        case "label": return self.label
        default: return nil
        }
    }
}

extension RelationRow: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "from": return self.from
        case "fromHref": return self.fromHref
        case "to": return self.to
        case "toHref": return self.toHref
        case "detail": return self.detail
        default: return nil
        }
    }
}

extension RelationsPage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "graphSVG": return self.graphSVG
        case "note": return self.note
        case "people": return self.people
        case "events": return self.events
        default: return nil
        }
    }
}

extension BriefingPerson: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "anchor": return self.anchor
        case "name": return self.name
        case "href": return self.href
        case "role": return self.role
        case "affiliation": return self.affiliation
        case "aliases": return self.aliases
        case "profileHTML": return self.profileHTML
        case "articleCount": return self.articleCount
        default: return nil
        }
    }
}

extension BriefingEvent: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "anchor": return self.anchor
        case "title": return self.title
        case "href": return self.href
        case "date": return self.date
        case "place": return self.place
        case "people": return self.people
        case "descriptionHTML": return self.descriptionHTML
        default: return nil
        }
    }
}

extension BriefingArticle: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "anchor": return self.anchor
        case "title": return self.title
        case "href": return self.href
        case "date": return self.date
        case "source": return self.source
        case "author": return self.author
        case "url": return self.url
        case "summary": return self.summary
        case "people": return self.people
        default: return nil
        }
    }
}

extension BriefingPage: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "page": return self.page
        case "counts": return self.counts
        case "people": return self.people
        case "events": return self.events
        case "articles": return self.articles
        default: return nil
        }
    }
}

extension VariantView: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "text": return self.text
        case "article": return self.article
        default: return nil
        }
    }
}

extension QuotationView: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "text": return self.text
        case "article": return self.article
        default: return nil
        }
    }
}

extension ReportedView: TemplateValue {
    public func child(named key: String) -> Any? {
        switch key {
        case "sentenceHTML": return self.sentenceHTML
        case "date": return self.date
        case "article": return self.article
        default: return nil
        }
    }
}
