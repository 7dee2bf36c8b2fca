"""task3b client: HELLO both ways (TCP).

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
    # TODO 1: connect to (HOST, PORT) and send HELLO
    # TODO 2: read the reply until the server closes the connection (recv() returns b"")
    # TODO 3: print the reply and exit with code 0
    sys.exit("task3b/client.py is not written yet: follow its TODOs and task3b/PROTOCOL.md")


if __name__ == "__main__":
    main()
