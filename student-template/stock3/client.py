"""stock3 client: stock prices in JSON (TCP).

Read stock3/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import json
import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    # TODO 1: take the symbols from sys.argv[1:] (AAPL GOOG MSFT when there are none)
    # TODO 2: connect to (HOST, PORT) and send json.dumps({"symbols": symbols}) followed by a newline
    # TODO 3: read the reply up to its newline, json.loads() it, print each symbol with its price (unknown for None)
    # TODO 4: close the socket and end (exit code 0)
    # TODO 5: no server, or a server that closes without answering: print a message and sys.exit(1), no traceback
    sys.exit("stock3/client.py is not written yet: follow its TODOs and stock3/PROTOCOL.md")


if __name__ == "__main__":
    main()
