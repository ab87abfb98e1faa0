/** The {@code kratos} health indicator for Spring Boot 4's health API (left out of the Boot 3.5 build). */
package io.kratosflows.spring.health.boot4;
