"""stock7 client: persistent connections, ended by "disconnect" (TCP).

Read stock7/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    # TODO 1: take the symbols from sys.argv[1:] (default AAPL GOOG MSFT) and connect to (HOST, PORT)
    # TODO 2: send each symbol followed by "\n" and read the answer up to its newline
    # TODO 3: print the symbol and the answer on one line
    # TODO 4: after the last answer send "disconnect\n", wait for BYE (or the close), close and exit 0; on a refused connection or an early close, print a message and sys.exit(1)
    sys.exit("stock7/client.py is not written yet: follow its TODOs and stock7/PROTOCOL.md")


if __name__ == "__main__":
    main()
