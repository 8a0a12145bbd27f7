// Answers every HTTP request of the preview: files of the output folder (HTML with the live-reload script
// added), folders by their index.html, the event stream and the script, and a 404 page for everything else.

import FlyingFox
import Foundation

struct SiteHandler: HTTPHandler {
    let root: String
    let state: BuildState
    let hub: ReloadHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var headers = HTTPHeaders()
            headers[HTTPHeader("Allow")] = "GET, HEAD"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        let rawPath = request.target.path()
        switch rawPath {
        case LiveReload.eventsPath:
            return eventStream(head: request.method == .HEAD)
        case LiveReload.scriptPath:
            return respond(request, status: .ok, type: "text/javascript; charset=utf-8", body: Data(LiveReload.script.utf8))
        default:
            break
        }
        switch OutputPaths.resolve(rawPath, root: root) {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound(request, rawPath) }
            let type = ContentTypes.forPath(path)
            let body = ContentTypes.isHTML(type) ? Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8) : data
            return respond(request, status: .ok, type: type, body: body)
        case .redirect(let location):
            var response = respond(request, status: .movedPermanently, type: "text/plain; charset=utf-8", body: Data("See \(location)\n".utf8))
            response.headers[.location] = location
            return response
        case .notFound:
            return notFound(request, rawPath)
        }
    }

    private func notFound(_ request: HTTPRequest, _ rawPath: String) -> HTTPResponse {
        let page = LiveReload.notFoundPage(path: rawPath.removingPercentEncoding ?? rawPath, buildFailed: state.failure != nil)
        return respond(request, status: .notFound, type: "text/html; charset=utf-8", body: Data(page.utf8))
    }

    /// Nothing is cached: after a rebuild the browser must fetch the page again, not reuse the old one.
    private func respond(_ request: HTTPRequest, status: HTTPStatusCode, type: String, body: Data) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        headers[.init("X-Content-Type-Options")] = "nosniff"
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    private func eventStream(head: Bool) -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        if head { return HTTPResponse(statusCode: .ok, headers: headers, body: Data()) }
        let chunks = hub.subscribe(greeting: state.greeting)
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStreamBody(chunks: chunks)))
    }
}
