# syntax=docker/dockerfile:1
FROM node:20 AS build
WORKDIR /src
ADD package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20
WORKDIR /app
ADD dist/ /app/
ENV NODE_ENV=production
EXPOSE 8080
CMD ["node", "server.js"]
