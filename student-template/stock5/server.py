"""stock5 server: stock quotes for many clients at once, a thread per client (TCP).

Read stock5/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))


def main():
    # TODO 1: bind to (HOST, PORT), listen, and accept clients in a loop
    # TODO 2: start a threading.Thread for each client and go straight back to accept()
    # TODO 3: in the thread: read lines (until the newline), answer each with the price (f"{price:.2f}") or ERROR unknown symbol <SYMBOL>
    # TODO 4: when recv() returns b"" or raises an error, close that connection and end the thread
    sys.exit("stock5/server.py is not written yet: follow its TODOs and stock5/PROTOCOL.md")


if __name__ == "__main__":
    main()
