"""stock3 server: stock prices in JSON (TCP).

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

PRICES = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}


def main():
    # TODO 1: create a TCP socket, bind it to (HOST, PORT) and listen
    # TODO 2: accept a client; add what each recv() returns to a buffer and take out one line per newline
    # TODO 3: json.loads() each line; reply json.dumps({"prices": [...]}) + "\n", None (null) for an unknown symbol
    # TODO 4: malformed JSON or no list of symbols: reply {"error": "..."} and go on with the same connection
    # TODO 5: when recv() returns b"" close the connection; an abrupt disconnect must not crash the server
    sys.exit("stock3/server.py is not written yet: follow its TODOs and stock3/PROTOCOL.md")


if __name__ == "__main__":
    main()
