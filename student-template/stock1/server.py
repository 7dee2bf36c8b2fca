"""stock1 server: a stock price server, one symbol per connection (TCP).

Read stock1/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

PRICES = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}


def main():
    # TODO 1: create a TCP socket, bind it to (HOST, PORT) and listen
    # TODO 2: accept a client and collect bytes until the newline (keep calling recv())
    # TODO 3: look the symbol up (strip() and upper() first); send the price with two decimals, or "ERROR unknown symbol XYZ", and a newline
    # TODO 4: close the connection; a client that disconnects abruptly must not crash the server with a traceback
    sys.exit("stock1/server.py is not written yet: follow its TODOs and stock1/PROTOCOL.md")


if __name__ == "__main__":
    main()
