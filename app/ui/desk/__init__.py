"""检录台 / Check-in desk: camera, ticket QR, ID card and face, decided by the proctor."""
