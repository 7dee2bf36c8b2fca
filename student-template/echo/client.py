"""echo client: sends each typed line, prints its echo (TCP).

Read echo/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))


def main():
    # TODO 1: connect to (HOST, PORT)
    # TODO 2: loop: input() a line, send it with "\n", read until the echo's "\n" has arrived, print the echoed line
    # TODO 3: at the end of the input (EOFError), close the socket and exit with code 0
    sys.exit("echo/client.py is not written yet: follow its TODOs and echo/PROTOCOL.md")


if __name__ == "__main__":
    main()
