"""stock1 client: a stock price server, one symbol per connection (TCP).

Read stock1/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    # TODO 1: take the symbol from sys.argv[1] (AAPL when there is none)
    # TODO 2: connect to (HOST, PORT) and send the symbol followed by a newline
    # TODO 3: read the answer up to its newline, print the symbol and the answer on one line
    # TODO 4: no server, or a server that closes without answering: print a message and sys.exit(1), no traceback
    sys.exit("stock1/client.py is not written yet: follow its TODOs and stock1/PROTOCOL.md")


if __name__ == "__main__":
    main()
