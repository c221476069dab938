"""The candidate kiosk (考生机): full screen, locked down, drawn from app/terminal/model.py's views."""
