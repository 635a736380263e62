"""A host that accepts connections and never answers is waited for once, not once per image.

``hooks/zhudu/notes/remote_images.py``: each download waits ``TIMEOUT`` seconds at most, ``CONCURRENCY`` at
a time, so a note of 200 images on such a host held the build over 8 minutes.  The network is faked as in
``test_remote_redirects.py``: a public name whose connections reach a silent server on this machine.
"""

from __future__ import annotations

import socket
import threading
import time

from test_remote_redirects import SILENT_NAME, network  # noqa: F401  (a fixture)

from zhudu.notes import remote_images


def test_a_silent_host_is_not_asked_again(tmp_path, network, monkeypatch):  # noqa: F811
    # A round of timeouts is what the test waits for: 3 s, not 10 (one round still well apart from three).
    monkeypatch.setattr(remote_images, "TIMEOUT", 3.0)
    accepted: list[socket.socket] = []
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                accepted.append(server.accept()[0])  # held open, never answered
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    port = server.getsockname()[1]
    urls = [f"http://{SILENT_NAME}:{port}/{i}.png" for i in range(3 * remote_images.CONCURRENCY)]
    started = time.monotonic()
    try:
        fetched = remote_images.fetch_all(urls, tmp_path)
    finally:
        done.set()
        thread.join()
        for conn in accepted:
            conn.close()
        server.close()
    elapsed = time.monotonic() - started
    assert all(f.original is None for f in fetched.values())
    # One round of timeouts (the first CONCURRENCY asked at once); before, three rounds (3 × TIMEOUT).
    assert len(accepted) == remote_images.CONCURRENCY, len(accepted)
    assert elapsed < 2 * remote_images.TIMEOUT, elapsed
    assert sum("not asked again" in (f.error or "") for f in fetched.values()) == len(urls) - len(accepted)
