"""Browser pages kept open for a test worker's tests, each handed to the next test as if new.

A new context and page cost a renderer process and a cold first navigation: about 2.3 CPU-seconds of the whole
machine for a load of the seeds note, against 0.7-0.9 for the same load in a page kept open (RESULTS, session 48 —
lead; the browser's processes are not children a test's timer sees). So a worker's tests share a page per set of
context options (the ``page`` fixture's desk window, a phone's), unless a test changed something that would outlive
it. ``PageInUse`` stands in for the page during a test and notes such a change (an init script, a route, extra
headers, the context itself); a page so changed, one that went to more than one site, or one whose test failed is
closed after its test, and the next test gets a new one. A new viewport size and emulated media (type, colour scheme)
are put back as the page's context set them instead: width sweeps and print checks keep their page. So a window's size
is not a context's for good: contexts whose options differ only in it share a page, resized to the size each test
asks for (a new context gives its page the same window and screen size; nothing else differs). A test that
needs init scripts asks for a page opened with them (``init_scripts``), kept for the next test that asks the same. A kept page loses the listeners its test
added, its storage, cookies and HTTP cache, and is left on ``about:blank`` with the pointer at the corner, where a
new page starts. A test reads the page through DevTools (the accessibility tree, the fonts used) with
``page.devtools()``, a session detached after it, not one of ``page.context``'s. At most ``MOST`` pages are kept (the
ones used last); a page is never lent to two tests at once.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

#: Page methods whose effect outlives the test that calls them: a page they were called on is not handed on.
LASTING = frozenset(
    {
        "add_init_script",
        "add_locator_handler",
        "expose_binding",
        "expose_function",
        "route",
        "route_from_har",
        "route_web_socket",
        "set_default_navigation_timeout",
        "set_default_timeout",
        "set_extra_http_headers",
    }
)
#: The emulated media a kept page puts back after its test; any other (reduced motion, forced colours, contrast)
#: makes it ``LASTING``. The values are Playwright's defaults for a context made without them.
UNDONE_MEDIA = {"media": "null", "color_scheme": "light"}
#: DevTools domains whose commands act on the document only (gone with it at ``about:blank``) or read: a test may use
#: them through ``PageInUse.devtools`` and leave its page to be handed on. Another domain's (Emulation, Network) lasts.
DOCUMENT_DOMAINS = frozenset({"Accessibility", "CSS", "DOM"})


@dataclass
class Watch:
    """What a page did in one test: console errors, every host it contacted and its failed requests."""

    console_errors: list[str] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)
    failed: list[str] = field(default_factory=list)
    origins: set[str] = field(default_factory=set)


class PageInUse:
    """A test's view of a kept page: everything is the page's own, and what would outlive the test is noted.

    ``zd`` is the test's ``Watch``; ``changed`` says why the page cannot be handed on ("" when it can)."""

    def __init__(
        self,
        page: Any,
        watch: Watch,
        key: str,
        init_scripts: tuple[str, ...] = (),
        new_pages_size: Any = None,
    ) -> None:
        self._page = page
        self._new_pages_size = new_pages_size  # a context made at another size: its new pages get the test's
        self.key = key
        self._listeners: list[tuple[str, Callable[..., Any]]] = []
        self._init_scripts = init_scripts
        self.zd = watch
        self.changed = ""
        self.resized = False
        self.emulated: set[str] = set()
        self._sessions: list[DevTools] = []

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._page, name)
        if name in LASTING:
            self.changed = self.changed or name
        elif name == "context":  # a CDP session, cookies, another page: the context's own
            self.changed = self.changed or name
            return ContextInUse(value, self._new_pages_size)
        return value

    def add_init_script(self, script: str | None = None, **where: Any) -> Any:
        """``Page.add_init_script``; a script the page was opened with already runs on each load: nothing to add."""
        if script in self._init_scripts and not where:
            return None
        self.changed = self.changed or "add_init_script"
        return self._page.add_init_script(script, **where)

    def set_viewport_size(self, viewport_size: Any) -> None:
        """``Page.set_viewport_size``; the context's size is put back after the test."""
        self.resized = True
        self._page.set_viewport_size(viewport_size)

    def emulate_media(self, **emulated: Any) -> None:
        """``Page.emulate_media``; media type and colour scheme are put back after the test, anything else lasts."""
        if set(emulated) - set(UNDONE_MEDIA):
            self.changed = self.changed or "emulate_media"
        self.emulated.update(emulated)
        self._page.emulate_media(**emulated)

    def on(self, event: str, handler: Callable[..., Any]) -> None:
        """``Page.on``; the listener is removed when the test ends."""
        self._listeners.append((event, handler))
        self._page.on(event, handler)

    def once(self, event: str, handler: Callable[..., Any]) -> None:
        """``Page.once``; removed when the test ends if it never ran."""
        self._listeners.append((event, handler))
        self._page.once(event, handler)

    def devtools(self) -> DevTools:
        """A DevTools session on the page, detached when the test ends: reading it (the accessibility tree, the
        fonts used) does not stop the page being handed on, as ``page.context.new_cdp_session(page)`` would."""
        session = DevTools(self._page.context.new_cdp_session(self._page), self)
        self._sessions.append(session)
        return session

    def drop_listeners(self) -> None:
        for event, handler in self._listeners:
            self._page.remove_listener(event, handler)
        self._listeners.clear()

    def detach_devtools(self) -> None:
        for session in self._sessions if not self._page.is_closed() else []:
            session.detach()
        self._sessions.clear()


class DevTools:
    """``PageInUse.devtools``'s session: a command outside ``DOCUMENT_DOMAINS`` marks the page changed."""

    def __init__(self, session: Any, in_use: PageInUse) -> None:
        self._session = session
        self._in_use = in_use
        self._detached = False

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        if method.split(".", 1)[0] not in DOCUMENT_DOMAINS:
            self._in_use.changed = self._in_use.changed or method
        return self._session.send(method, params)

    def detach(self) -> None:
        if not self._detached:
            self._detached = True
            self._session.detach()


class ContextInUse:
    """A kept page's context as its test sees it: a ``PageInUse`` handed to it is the page itself
    (``context.new_cdp_session(page)``: Playwright takes only its own objects).  A context made at another window
    size than the test's (``KeptPages.take``) gives a page it opens the test's size (``new_pages_size``), as a
    context made for the test would."""

    def __init__(self, context: Any, new_pages_size: Any = None) -> None:
        self._context = context
        self._new_pages_size = new_pages_size

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._context, name)
        if not callable(value):
            return value

        def called(*args: Any, **kwargs: Any) -> Any:
            result = value(*map(itself, args), **{key: itself(arg) for key, arg in kwargs.items()})
            if name == "new_page" and self._new_pages_size is not None:
                result.set_viewport_size(self._new_pages_size)
            return result

        return called


def itself(value: Any) -> Any:
    """The Playwright page a ``PageInUse`` stands for; any other value as it is."""
    return value._page if isinstance(value, PageInUse) else value


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


#: Pages kept at most: the ones used last.
MOST = 4
#: The ``page`` fixture's context: a desk's window, mainland Chinese.
DESK = {"viewport": {"width": 1280, "height": 900}, "locale": "zh-CN"}


class Kept:
    """One kept page and its context, opened with ``options``; ``watch`` is the Watch of the test it is with."""

    def __init__(self, browser: Any, options: dict[str, Any], init_scripts: tuple[str, ...] = ()) -> None:
        self.options = options
        self.size = options.get("viewport")  # the size the page's test asked for
        self.init_scripts = init_scripts
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        for script in init_scripts:
            self.page.add_init_script(script)
        self.devtools = self.context.new_cdp_session(self.page)
        self.watch = Watch()
        page, watch = (
            self.page,
            lambda: self.watch,
        )  # each listener reads the Watch of the test the page is with
        page.on("console", lambda m: watch().console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: watch().console_errors.append(str(e)))
        page.on("request", self._requested)
        # A request the page itself abandoned (a favicon still loading when the test navigates on) is
        # net::ERR_ABORTED: not a failure of the site.
        page.on(
            "requestfailed",
            lambda r: watch().failed.append(r.url) if r.failure != "net::ERR_ABORTED" else None,
        )
        page.on(
            "response", lambda r: watch().failed.append(f"{r.status} {r.url}") if r.status >= 400 else None
        )

    def _requested(self, request: Any) -> None:
        parts = urlsplit(request.url)
        self.watch.hosts.add(parts.netloc or parts.scheme)
        if origin := origin_of(request.url):
            self.watch.origins.add(origin)

    def made_as_new(self, in_use: PageInUse, failed: bool) -> bool:
        """Whether the page, its test over, is as a new one would be: storage, cookies and
        cache cleared, on ``about:blank``."""
        in_use.drop_listeners()
        in_use.detach_devtools()
        origins = self.watch.origins
        if failed or in_use.changed or len(origins) > 1 or self.page.is_closed():
            return False
        now = origin_of(self.page.url)
        if origins and now not in origins:  # storage can be cleared only from the site's own page
            return False
        try:
            if now:
                self.page.evaluate("localStorage.clear(); sessionStorage.clear()")
            for other in self.context.pages:  # a window the page opened (a link with target=_blank)
                if other != self.page:
                    other.close()
            self.page.goto("about:blank")
            if in_use.resized:
                if self.size is None:  # Playwright's default size: not worth guessing
                    return False
                self.page.set_viewport_size(self.size)
            if in_use.emulated:
                self.page.emulate_media(
                    **{name: self.options.get(name, UNDONE_MEDIA[name]) for name in in_use.emulated}
                )
            self.page.mouse.move(0, 0)  # where a new page's pointer is: nothing left hovered
            self.context.clear_cookies()
            self.devtools.send("Network.clearBrowserCache")  # the next test's first load is a cold one
        except Exception:  # a page that cannot be cleared is not handed on
            return False
        return True


class KeptPages:
    """The pages a worker's tests share, one per set of context options: each opened for the first test that
    asks for it, handed on while no test changed it."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.kept: dict[
            str, Kept
        ] = {}  # the last used last: the first is closed when more than MOST are kept
        self.lent: set[str] = set()

    def take(self, init_scripts: tuple[str, ...] | list[str] = (), **options: Any) -> PageInUse:
        """A page in a context made with ``options`` (``DESK`` when none), running ``init_scripts`` on each load:
        the kept one, or a new one."""
        options = options or DESK
        init_scripts = tuple(init_scripts)
        size = options.get("viewport")
        key = json.dumps([{**options, "viewport": "any"} if size else options, init_scripts], sort_keys=True)
        while key in self.lent:  # that page is with a test now: another of the same options
            key += "+"
        self.lent.add(key)
        kept = self.kept.get(key)
        if kept is None:
            kept = Kept(self.browser, options, init_scripts)
        else:
            del self.kept[key]
            if kept.size != size:  # made at another size: resized as a test resizing it is put back
                kept.page.set_viewport_size(size)
                kept.size = size
        self.kept[key] = kept
        kept.watch = Watch()
        made_at = kept.options.get("viewport")
        return PageInUse(kept.page, kept.watch, key, init_scripts, size if size != made_at else None)

    def give_back(self, in_use: PageInUse, failed: bool = False) -> None:
        """Keep the page for the next test if it can be made as new (never after a failed test); close it otherwise."""
        kept = self.kept[in_use.key]
        self.lent.discard(in_use.key)
        if not kept.made_as_new(in_use, failed):
            del self.kept[in_use.key]
            kept.context.close()
        # Each page is a renderer process: tests sweeping widths would otherwise keep dozens.
        for key in [key for key in self.kept if key not in self.lent][: max(0, len(self.kept) - MOST)]:
            self.kept.pop(key).context.close()

    def lend(self, session: Any, **options: Any) -> Iterator[PageInUse]:
        """``take`` for a fixture (``yield from``): given back after the test, as after a failure if a test of
        ``session`` (pytest's) failed meanwhile (a fixture does not see its test's exception)."""
        failed_before = session.testsfailed
        in_use = self.take(**options)
        yield in_use
        self.give_back(in_use, failed=session.testsfailed > failed_before)

    @contextlib.contextmanager
    def open(self, **options: Any) -> Iterator[PageInUse]:
        """``take`` for a ``with`` block: the page is given back at its end, as after a failure if it raised."""
        in_use = self.take(**options)
        try:
            yield in_use
        except BaseException:
            self.give_back(in_use, failed=True)
            raise
        self.give_back(in_use)

    def close(self) -> None:
        for kept in self.kept.values():
            kept.context.close()
        self.kept.clear()
