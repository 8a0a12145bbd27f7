// How the layouts read the page view models: each field by name, without Mirror (see Templating/TemplateValue).
// Keep in step with ViewModels.swift, ReadingViews.swift and DiscoveryViews.swift: a field missing here renders
// as nothing; TemplateValueTests compares every field with what Mirror finds and fails on a missing one.

import Templating

extension PageContext: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "root": return .text(self.root)
        case "pageTitle": return .text(self.pageTitle)
        case "site": return .object(self.site)
        case "nav": return .objects(self.nav)
        case "kind": return .text(self.kind)
        case "feedHref": return self.feedHref.map(TemplateData.text)
        default: return nil
        }
    }
}

extension SiteView: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "title": return .text(self.title)
        case "subtitle": return self.subtitle.map(TemplateData.text)
        case "description": return self.description.map(TemplateData.text)
        case "language": return .text(self.language)
        default: return nil
        }
    }
}

extension NavItem: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "label": return .text(self.label)
        case "href": return .text(self.href)
        case "current": return .bool(self.current)
        default: return nil
        }
    }
}

extension DateView: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "display": return .text(self.display)
        case "iso": return .text(self.iso)
        case "edtf": return .text(self.edtf)
        case "approximate": return .bool(self.approximate)
        case "uncertain": return .bool(self.uncertain)
        case "interval": return .bool(self.interval)
        default: return nil
        }
    }
}

extension PersonLink: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "name": return .text(self.name)
        case "href": return .text(self.href)
        case "role": return self.role.map(TemplateData.text)
        case "count": return .int(self.count)
        case "countLabel": return .text(self.countLabel)
        default: return nil
        }
    }
}

extension EventLink: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "title": return .text(self.title)
        case "href": return .text(self.href)
        case "date": return .object(self.date)
        case "place": return self.place.map(TemplateData.text)
        default: return nil
        }
    }
}

extension ArticleLink: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "title": return .text(self.title)
        case "href": return .text(self.href)
        case "date": return .object(self.date)
        case "source": return self.source.map(TemplateData.text)
        case "summary": return self.summary.map(TemplateData.text)
        default: return nil
        }
    }
}

extension QuoteView: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "sentenceHTML": return .written(self.sentenceHTML)
        case "sentenceHref": return .text(self.sentenceHref)
        default: return nil
        }
    }
}

extension ArticleQuotes: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "article": return .object(self.article)
        case "quotes": return .objects(self.quotes)
        default: return nil
        }
    }
}

extension TimelineEntry: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "date": return .object(self.date)
        case "kind": return .text(self.kind)
        case "isEvent": return .bool(self.isEvent)
        case "title": return .text(self.title)
        case "href": return .text(self.href)
        case "detail": return self.detail.map(TemplateData.text)
        case "people": return .text(self.people)
        case "isReported": return .bool(self.isReported)
        case "alsoIn": return .objects(self.alsoIn)
        case "alsoMore": return self.alsoMore.map(TemplateData.text)
        default: return nil
        }
    }
}

extension TimelineMonth: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "label": return .text(self.label)
        case "iso": return .text(self.iso)
        case "entries": return .objects(self.entries)
        default: return nil
        }
    }
}

extension TimelineYear: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "year": return .text(self.year)
        case "months": return .objects(self.months)
        default: return nil
        }
    }
}

extension IndexPage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "people": return .objects(self.people)
        case "latestEvents": return .objects(self.latestEvents)
        case "articles": return .objects(self.articles)
        case "counts": return .text(self.counts)
        case "peopleNote": return self.peopleNote.map(TemplateData.text)
        case "articlesNote": return self.articlesNote.map(TemplateData.text)
        default: return nil
        }
    }
}

extension PeopleIndexPage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "people": return .objects(self.people)
        case "pager": return self.pager.map(TemplateData.object)
        default: return nil
        }
    }
}

extension PersonPage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "name": return .text(self.name)
        case "role": return self.role.map(TemplateData.text)
        case "affiliation": return self.affiliation.map(TemplateData.text)
        case "born": return self.born.map(TemplateData.object)
        case "aliases": return .texts(self.aliases)
        case "profileHTML": return .text(self.profileHTML)
        case "events": return .objects(self.events)
        case "articles": return .objects(self.articles)
        case "articleCount": return .text(self.articleCount)
        case "coMentioned": return .objects(self.coMentioned)
        case "timeline": return .objects(self.timeline)
        case "neighbourhoodSVG": return .text(self.neighbourhoodSVG)
        case "curated": return .bool(self.curated)
        case "variants": return .objects(self.variants)
        case "quotations": return .objects(self.quotations)
        case "summary": return self.summary.map(TemplateData.object)
        case "pager": return self.pager.map(TemplateData.object)
        default: return nil
        }
    }
}

extension EventsIndexPage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "events": return .objects(self.events)
        case "pager": return self.pager.map(TemplateData.object)
        default: return nil
        }
    }
}

extension EventPage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "title": return .text(self.title)
        case "date": return .object(self.date)
        case "place": return self.place.map(TemplateData.text)
        case "people": return .objects(self.people)
        case "descriptionHTML": return .text(self.descriptionHTML)
        case "articles": return .objects(self.articles)
        case "previous": return self.previous.map(TemplateData.object)
        case "next": return self.next.map(TemplateData.object)
        case "reported": return .objects(self.reported)
        case "summary": return self.summary.map(TemplateData.object)
        case "pager": return self.pager.map(TemplateData.object)
        default: return nil
        }
    }
}

extension ArticlesIndexPage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "articles": return .objects(self.articles)
        case "pager": return self.pager.map(TemplateData.object)
        default: return nil
        }
    }
}

extension ArticlePage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "title": return .text(self.title)
        case "date": return .object(self.date)
        case "source": return self.source.map(TemplateData.text)
        case "author": return self.author.map(TemplateData.text)
        case "url": return self.url.map(TemplateData.text)
        case "bodyHTML": return .utf8(self.bodyHTML.bytes)
        case "people": return .objects(self.people)
        case "events": return .objects(self.events)
        case "quotations": return .objects(self.quotations)
        default: return nil
        }
    }
}

extension TimelinePage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "years": return .objects(self.years)
        case "axisSVG": return .text(self.axisSVG)
        case "filter": return .objects(self.filter)
        case "overview": return .objects(self.overview)
        case "events": return .objects(self.events)
        case "period": return self.period.map(TemplateData.text)
        case "pager": return self.pager.map(TemplateData.object)
        default: return nil
        }
    }
}

extension FilterOption: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "value": return .text(self.value)
        case "label": return .text(self.label)
        default: return nil
        }
    }
}

extension RelationRow: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "from": return .text(self.from)
        case "fromHref": return .text(self.fromHref)
        case "to": return .text(self.to)
        case "toHref": return .text(self.toHref)
        case "detail": return .text(self.detail)
        default: return nil
        }
    }
}

extension RelationsPage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "graphSVG": return .text(self.graphSVG)
        case "note": return self.note.map(TemplateData.text)
        case "people": return .objects(self.people)
        case "events": return .objects(self.events)
        default: return nil
        }
    }
}

extension BriefingPerson: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "anchor": return .text(self.anchor)
        case "name": return .text(self.name)
        case "href": return .text(self.href)
        case "role": return self.role.map(TemplateData.text)
        case "affiliation": return self.affiliation.map(TemplateData.text)
        case "aliases": return .texts(self.aliases)
        case "profileHTML": return .text(self.profileHTML)
        case "articleCount": return .text(self.articleCount)
        default: return nil
        }
    }
}

extension BriefingEvent: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "anchor": return .text(self.anchor)
        case "title": return .text(self.title)
        case "href": return .text(self.href)
        case "date": return .object(self.date)
        case "place": return self.place.map(TemplateData.text)
        case "people": return .texts(self.people)
        case "descriptionHTML": return .text(self.descriptionHTML)
        default: return nil
        }
    }
}

extension BriefingArticle: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "anchor": return .text(self.anchor)
        case "title": return .text(self.title)
        case "href": return .text(self.href)
        case "date": return .object(self.date)
        case "source": return self.source.map(TemplateData.text)
        case "author": return self.author.map(TemplateData.text)
        case "url": return self.url.map(TemplateData.text)
        case "summary": return self.summary.map(TemplateData.text)
        case "people": return .texts(self.people)
        default: return nil
        }
    }
}

extension BriefingPage: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "page": return .object(self.page)
        case "counts": return .text(self.counts)
        case "people": return .objects(self.people)
        case "events": return .objects(self.events)
        case "articles": return .objects(self.articles)
        case "articlePeriods": return .objects(self.articlePeriods)
        case "period": return self.period.map(TemplateData.text)
        case "dated": return .objects(self.dated)
        case "pager": return self.pager.map(TemplateData.object)
        default: return nil
        }
    }
}

extension VariantView: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "text": return .text(self.text)
        case "article": return .object(self.article)
        case "sentenceHref": return .text(self.sentenceHref)
        default: return nil
        }
    }
}

extension QuotationView: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "text": return .text(self.text)
        case "article": return .object(self.article)
        case "sentenceHref": return .text(self.sentenceHref)
        default: return nil
        }
    }
}

extension ReportedView: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "sentenceHTML": return .text(self.sentenceHTML)
        case "date": return .object(self.date)
        case "article": return .object(self.article)
        case "sentenceHref": return .text(self.sentenceHref)
        default: return nil
        }
    }
}

extension PageLink: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "label": return .text(self.label)
        case "href": return .text(self.href)
        case "current": return .bool(self.current)
        default: return nil
        }
    }
}

extension Pager: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "label": return .text(self.label)
        case "previous": return self.previous.map(TemplateData.object)
        case "next": return self.next.map(TemplateData.object)
        case "pages": return .objects(self.pages)
        default: return nil
        }
    }
}

extension RecordSummary: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "articleCount": return .text(self.articleCount)
        case "first": return .object(self.first)
        case "last": return .object(self.last)
        case "namedWith": return .objects(self.namedWith)
        case "more": return self.more.map(TemplateData.text)
        case "oneArticle": return .bool(self.oneArticle)
        default: return nil
        }
    }
}

extension TimelineOverviewYear: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "year": return .text(self.year)
        case "periods": return .objects(self.periods)
        default: return nil
        }
    }
}

extension TimelinePeriodLink: TemplateValue {
    public func child(named key: String) -> TemplateData? {
        switch key {
        case "title": return .text(self.title)
        case "href": return .text(self.href)
        case "count": return .text(self.count)
        case "number": return .int(self.number)
        default: return nil
        }
    }
}
