"""task3a server: HELLO to the server (TCP).

Read task3a/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 53))


def main():
    # TODO 1: create a TCP socket, bind it to (HOST, PORT) and listen
    # TODO 2: accept a client
    # TODO 3: read until a newline or until recv() returns b"" (the client closed): one recv() may be only part of the message
    # TODO 4: print the message you received, then close the connection
    # TODO 5: a client that disconnects abruptly must not crash the server with a traceback
    sys.exit("task3a/server.py is not written yet: follow its TODOs and task3a/PROTOCOL.md")


if __name__ == "__main__":
    main()
