"""One exception tree for consilience.

    ConsilienceError
    ├── InputError          an input cannot be read; becomes a Failure record, the run goes on
    │   ├── UnsupportedFormat
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── TooLarge
    │   ├── MalformedInput
    │   └── FetchError      a URL could not be fetched (fetch/)
    │       ├── Refused             an address or scheme the SSRF guard forbids
    │       ├── RobotsDisallowed    the site's robots.txt forbids the URL
    │       ├── FetchTimeout        no complete answer within the time limit
    │       └── HTTPStatusError     the server answered with an error status
    ├── StoreError          the database cannot be opened or migrated
    ├── ModelMissing        the spaCy pipeline is not installed
    └── RequestError        a web request (``consilience serve``) asks for what cannot be answered
        ├── NotFound        no story, fact, source, outlet or article by that name (404)
        └── BadParameter    a query parameter is not one the page takes (400)

Every message ends with the next step for the user.
"""

from __future__ import annotations


class ConsilienceError(Exception):
    code = "error"


class InputError(ConsilienceError):
    code = "unreadable"


class UnsupportedFormat(InputError):
    code = "unsupported_format"


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class TooLarge(InputError):
    code = "too_large"


class MalformedInput(InputError):
    code = "malformed"


class FetchError(InputError):
    code = "fetch_failed"


class Refused(FetchError):
    code = "refused"


class RobotsDisallowed(FetchError):
    code = "robots"


class FetchTimeout(FetchError):
    code = "timeout"


class HTTPStatusError(FetchError):
    code = "http_status"


class StoreError(ConsilienceError):
    code = "store"


class ModelMissing(ConsilienceError):
    code = "model_missing"


class RequestError(ConsilienceError):
    code = "bad_request"
    status = 400


class NotFound(RequestError):
    code = "not_found"
    status = 404


class BadParameter(RequestError):
    code = "bad_parameter"
    status = 400
