"""stock7 server: persistent connections, ended by "disconnect" (TCP).

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
    # TODO 1: bind to (HOST, PORT), listen, and start a threading.Thread for each accepted client
    # TODO 2: in the thread: answer line after line with the price (f"{price:.2f}") or ERROR unknown symbol <SYMBOL>
    # TODO 3: on the line "disconnect" (any case): send BYE\n and close that connection only
    # TODO 4: when recv() returns b"" or raises an error, close that connection and end the thread
    sys.exit("stock7/server.py is not written yet: follow its TODOs and stock7/PROTOCOL.md")


if __name__ == "__main__":
    main()
