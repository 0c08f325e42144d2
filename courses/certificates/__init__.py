"""Certificates of completed courses: what one says (`data.CertificateData`), the tagged,
accessible PDF made from it (`pdf.render_certificate_pdf`) and the pages to ask for one,
download it again and verify a code (`views`). Issuing, finding and reminding are use cases in
courses/services/certificates.py; nothing of the PDF is stored, it is rendered on each
download from what the Certificate row kept."""
