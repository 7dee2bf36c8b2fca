"""task3c server: uppercase server (TCP).

Read task3c/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 12000))


def main():
    # TODO 1: create a TCP socket, bind it to (HOST, PORT) and listen
    # TODO 2: accept a client and collect bytes until the newline (keep calling recv(): a line can be longer than 1024 bytes)
    # TODO 3: decode the whole line, send it back in uppercase followed by a newline, close the connection
    # TODO 4: a client that disconnects abruptly must not crash the server with a traceback
    sys.exit("task3c/server.py is not written yet: follow its TODOs and task3c/PROTOCOL.md")


if __name__ == "__main__":
    main()
