"""A real SMTP server for the tests and the newsletter benchmark.

Every accepted message is written to DIR as its own .eml file (written to a
temporary name, then renamed, so a reader never sees half a message).
Recipients listed (one per line) in DIR/refuse.txt are refused with 550,
to test permanent failures. Prints "listening on PORT" once ready.

    python smtp_sink.py DIR [PORT]

With DIR "-" messages are counted, not kept (for the benchmark); the count
is written to stdout every 10,000 messages.
"""

import asyncio
import itertools
import os
import sys

from aiosmtpd.controller import Controller

counter = itertools.count()


class Sink:
    def __init__(self, directory):
        self.directory = directory

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        try:
            if self.directory is None:
                raise FileNotFoundError
            with open(os.path.join(self.directory, "refuse.txt")) as f:
                refused = {line.strip().lower() for line in f}
        except FileNotFoundError:
            refused = set()
        if address.lower() in refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(counter)
        if self.directory is None:
            if (n + 1) % 10000 == 0:
                print(f"received {n + 1}", flush=True)
            return "250 Message accepted"
        name = f"{os.getpid()}-{n:08d}.eml"
        tmp = os.path.join(self.directory, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(envelope.content)
        os.rename(tmp, os.path.join(self.directory, name))
        return "250 Message accepted"


def main():
    directory = None if sys.argv[1] == "-" else sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if directory:
        os.makedirs(directory, exist_ok=True)
    if port == 0:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port,
                            data_size_limit=10 * 1024 * 1024)
    controller.start()
    print(f"listening on {port}", flush=True)
    try:
        asyncio.run(asyncio.Event().wait())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
