package com.storefront.display.reconciler.ops;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.storefront.display.reconciler.ReconcilerProperties;

/**
 * HTTP Basic on {@code /ops/**}: every call without valid credentials is a 401. The local default
 * credentials ({@code ops}/{@code ops}) exist only when no profile is active; any other profile must
 * configure {@code display.reconciler.ops.username} and {@code password} or the app refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    static final String LOCAL_USER = "ops";
    static final String LOCAL_PASSWORD = "ops";

    @Bean
    SecurityFilterChain opsApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/ops/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("OPS"))
                .httpBasic(Customizer.withDefaults())
                // a machine API with Basic credentials on every call: no session, no cookie, so no CSRF
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService opsUsers(ReconcilerProperties properties, Environment environment) {
        ReconcilerProperties.Ops ops = properties.ops();
        String username = ops.username();
        String password = ops.password();
        if (isBlank(username) || isBlank(password)) {
            if (environment.getActiveProfiles().length > 0) {
                throw new IllegalStateException("profiles " + Arrays.toString(environment.getActiveProfiles())
                        + " are active: set display.reconciler.ops.username and display.reconciler.ops.password "
                        + "(the local default credentials apply only without a profile)");
            }
            username = LOCAL_USER;
            password = LOCAL_PASSWORD;
        }
        String encoded = password.startsWith("{") ? password : "{noop}" + password;
        return new InMemoryUserDetailsManager(User.withUsername(username).password(encoded).roles("OPS").build());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
