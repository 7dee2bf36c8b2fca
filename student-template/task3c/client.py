"""task3c client: uppercase server (TCP).

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
    # TODO 1: read one line from standard input with input()
    # TODO 2: connect to (HOST, PORT) and send the line followed by a newline
    # TODO 3: read the reply until the server closes the connection, print it, exit with code 0
    sys.exit("task3c/client.py is not written yet: follow its TODOs and task3c/PROTOCOL.md")


if __name__ == "__main__":
    main()
