"""task7 client: a text file server for many clients at once (TCP).

Read task7/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


def main():
    # TODO 1: take the file name from sys.argv[1], or input() when there is none
    # TODO 2: connect to (HOST, PORT) and send the name followed by "\n"
    # TODO 3: read until the server closes (recv() returns b"")
    # TODO 4: a reply starting with ERROR: print it, write no file; otherwise save the bytes under the same name and exit 0
    sys.exit("task7/client.py is not written yet: follow its TODOs and task7/PROTOCOL.md")


if __name__ == "__main__":
    main()
