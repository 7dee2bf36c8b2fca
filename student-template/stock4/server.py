"""stock4 server: stock quotes for many clients at once, from one thread (select) (TCP).

Read stock4/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    # TODO 1: bind to (HOST, PORT), listen, and keep a list of connected client sockets
    # TODO 2: loop on select.select([server] + clients, [], []): accept() new clients, recv() once from readable ones
    # TODO 3: keep each client's unfinished line in a dict; answer every complete line with the price (f"{price:.2f}") or ERROR unknown symbol <SYMBOL>
    # TODO 4: when recv() returns b"" or raises an error, remove that client from the list and close it
    sys.exit("stock4/server.py is not written yet: follow its TODOs and stock4/PROTOCOL.md")


if __name__ == "__main__":
    main()
