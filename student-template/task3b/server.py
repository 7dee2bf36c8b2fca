"""task3b server: HELLO both ways (TCP).

Read task3b/PROTOCOL.md first: it says exactly what is sent, in what order, and
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
    # TODO 2: accept a client and read until the whole HELLO has arrived (it may come in pieces)
    # TODO 3: answer HELLO and close the connection
    sys.exit("task3b/server.py is not written yet: follow its TODOs and task3b/PROTOCOL.md")


if __name__ == "__main__":
    main()
