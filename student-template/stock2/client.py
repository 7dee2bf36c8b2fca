"""stock2 client: a stock price server, many symbols on one connection (TCP).

Read stock2/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    # TODO 1: take the symbols from sys.argv[1:] (AAPL GOOG MSFT when there are none)
    # TODO 2: connect to (HOST, PORT) once; for each symbol send it followed by a newline
    # TODO 3: read each answer up to its newline, print the symbol and the answer on one line
    # TODO 4: after the last answer close the socket and end (exit code 0)
    # TODO 5: no server, or a server that closes before the last answer: print a message and sys.exit(1), no traceback
    sys.exit("stock2/client.py is not written yet: follow its TODOs and stock2/PROTOCOL.md")


if __name__ == "__main__":
    main()
